package bot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bot.engine.RiskBook;
import bot.notify.Notice;
import bot.store.Database;
import bot.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskNoticesTest {

    @Test
    void aHaltAppearingAfterTheFirstReadIsToldOnceAndItsResumeToo() {
        try (Database db = TestDatabase.fresh()) {
            List<Notice> told = new ArrayList<>();
            RiskSetup setup = new RiskSetup(db.jdbi(), Clock.systemUTC());
            setup.halt(null, null, true, "before the start", false);
            RiskUpdates updates = new RiskUpdates(db.jdbi(), RiskBook.inMemory(Clock.systemUTC()), told::add);
            updates.run();
            assertEquals(List.of(), told, "a halt already in force at start is not news");
            setup.resume(null, null, true);
            updates.run();
            setup.halt(null, null, true, "maintenance", true);
            updates.run();
            updates.run();
            assertEquals(List.of(Notice.Kind.RESUMED, Notice.Kind.HALTED), told.stream().map(Notice::kind).toList());
            assertEquals("all halted: maintenance", told.get(1).text());
        }
    }
}
