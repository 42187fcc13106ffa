package org.corpconnect.credentials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeySourceTest {

    @Test
    void takesTheKeyFromTheValueFirst() {
        char[] key = MasterKeySource.resolve(Optional.of("0123456789abcdefXYZ"), Optional.of("/nonexistent"));

        assertArrayEquals("0123456789abcdefXYZ".toCharArray(), key);
    }

    @Test
    void readsTheKeyFileWithoutItsTrailingNewline(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("master.key"), "from-a-file-0123456789\n");

        assertArrayEquals("from-a-file-0123456789".toCharArray(),
                MasterKeySource.resolve(Optional.empty(), Optional.of(file.toString())));
    }

    @Test
    void noKeyStopsWithAMessageNamingTheSetting() {
        var failure = assertThrows(MissingMasterKey.class,
                () -> MasterKeySource.resolve(Optional.of(" "), Optional.empty()));

        assertTrue(failure.getMessage().contains("CORPCONNECT_MASTER_KEY"), failure.getMessage());
    }

    @Test
    void anUnreadableKeyFileIsReportedWithoutItsContent(@TempDir Path dir) {
        var failure = assertThrows(MissingMasterKey.class,
                () -> MasterKeySource.resolve(Optional.empty(), Optional.of(dir.resolve("missing").toString())));

        assertTrue(failure.getMessage().contains("cannot be read"), failure.getMessage());
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(MissingMasterKey.class, () -> MasterKeySource.resolve(Optional.of("short"), Optional.empty()));
    }
}
