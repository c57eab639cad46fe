/** The process's one Jackson configuration, reachable from every package that reads or writes JSON. */
package bot.json;
