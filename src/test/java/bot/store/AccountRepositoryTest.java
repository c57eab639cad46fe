package bot.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bot.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountRepositoryTest {
    private final Database db = TestDatabase.fresh();
    private final AccountRepository accounts = new AccountRepository(db.jdbi());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void storesAndReadsBackEncryptedCredentials() {
        byte[] key = {1, 2, 3};
        byte[] secret = {4, 5, 6, 7};
        long id = accounts.insert(new NewAccount("main", "hmac", key, secret, "h8A0", true));
        StoredAccount stored = accounts.find("main").orElseThrow();
        assertEquals(id, stored.id());
        assertEquals("hmac", stored.keyType());
        assertArrayEquals(key, stored.apiKeyEnc());
        assertArrayEquals(secret, stored.apiSecretEnc());
        assertEquals("h8A0", stored.apiKeyHint());
        assertTrue(stored.testnet());
        assertTrue(stored.hasKeys());
    }

    @Test
    void keylessAccountHasNoCredentials() {
        accounts.insert(new NewAccount("paper", "none", null, null, null, false));
        StoredAccount stored = accounts.find("paper").orElseThrow();
        assertFalse(stored.hasKeys());
        assertNull(stored.apiKeyEnc());
        assertNull(stored.apiKeyHint());
    }

    @Test
    void listsByNameAndFindsNothingForAnUnknownName() {
        accounts.insert(new NewAccount("zeta", "none", null, null, null, false));
        accounts.insert(new NewAccount("alpha", "none", null, null, null, false));
        assertEquals(List.of("alpha", "zeta"), accounts.all().stream().map(StoredAccount::name).toList());
        assertEquals(Optional.empty(), accounts.find("beta"));
    }

    @Test
    void takenNameIsANameTakenException() {
        accounts.insert(new NewAccount("main", "none", null, null, null, false));
        NameTakenException e = assertThrows(NameTakenException.class,
                () -> accounts.insert(new NewAccount("main", "none", null, null, null, true)));
        assertEquals("accounts already has one named 'main'", e.getMessage());
        assertEquals(1, accounts.all().size());
    }
}
