package bot.bench;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Paper strategies written straight into the strategies table, one per symbol, on a key-less account. */
final class StrategyRows {

    private StrategyRows() {
    }

    static void insert(Jdbi jdbi, String kind, List<String> symbols, String interval, String paramsJson) {
        jdbi.useTransaction(h -> {
            h.execute("insert into accounts (name, key_type) values ('bench', 'none') on conflict (name) do nothing");
            long account = h.createQuery("select id from accounts where name = 'bench'").mapTo(Long.class).one();
            PreparedBatch batch = h.prepareBatch("""
                    insert into strategies (name, account_id, kind, symbol, interval, mode, params)
                    values (:name, :account, :kind, :symbol, :interval, 'paper', cast(:params as jsonb))""");
            for (String symbol : symbols) {
                batch.bind("name", "bench-" + symbol.toLowerCase(java.util.Locale.ROOT)).bind("account", account)
                        .bind("kind", kind).bind("symbol", symbol).bind("interval", interval).bind("params", paramsJson)
                        .add();
            }
            batch.execute();
        });
    }
}
