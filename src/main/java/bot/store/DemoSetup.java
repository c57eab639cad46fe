package bot.store;

import org.jdbi.v3.core.Jdbi;

/**
 * What {@code bot start --demo} needs: a key-less account {@code demo} and a paper strategy
 * {@code demo-btcusdt} (mean_reversion, BTCUSDT, 1m, default parameters, order_value 100).
 * Existing rows of those names are left as they are.
 */
public final class DemoSetup {
    public static final String ACCOUNT = "demo";
    public static final String STRATEGY = "demo-btcusdt";

    private final Jdbi jdbi;

    public DemoSetup(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** True when something was created; {@code paramsJson} holds the strategy's checked parameters. */
    public boolean ensure(String paramsJson) {
        return jdbi.inTransaction(h -> {
            int accounts = h.createUpdate("insert into accounts (name, key_type) values (:name, 'none')"
                    + " on conflict (name) do nothing").bind("name", ACCOUNT).execute();
            int strategies = h.createUpdate("""
                    insert into strategies (name, account_id, kind, symbol, interval, mode, params)
                    select :name, id, 'mean_reversion', 'BTCUSDT', '1m', 'paper', cast(:params as jsonb)
                    from accounts where name = :account
                    on conflict (name) do nothing""")
                    .bind("name", STRATEGY).bind("account", ACCOUNT).bind("params", paramsJson).execute();
            return accounts + strategies > 0;
        });
    }
}
