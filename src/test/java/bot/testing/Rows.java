package bot.testing;

import org.jdbi.v3.core.Jdbi;

/** Inserts accounts and strategies directly, for tests that need rows to refer to. */
public final class Rows {

    private Rows() {
    }

    /** A key-less account (created when missing) and a strategy on it; returns the strategy's id. */
    public static long strategy(Jdbi jdbi, String name, String kind, String symbol, String mode, String paramsJson) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("insert into accounts (name, key_type) values ('test', 'none') on conflict (name) do nothing")
                    .execute();
            return h.createQuery("""
                    insert into strategies (name, account_id, kind, symbol, interval, mode, params)
                    select :name, id, :kind, :symbol, '1m', :mode, cast(:params as jsonb) from accounts where name = 'test'
                    returning id""")
                    .bind("name", name).bind("kind", kind).bind("symbol", symbol).bind("mode", mode)
                    .bind("params", paramsJson)
                    .mapTo(Long.class).one();
        });
    }
}
