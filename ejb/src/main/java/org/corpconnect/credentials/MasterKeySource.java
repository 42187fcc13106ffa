package org.corpconnect.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the master key comes from: the value itself ({@code corpconnect.master-key}, normally the
 * environment variable {@code CORPCONNECT_MASTER_KEY}) or a file ({@code corpconnect.master-key-file},
 * e.g. a mounted secret). Never the database, never the code.
 */
public final class MasterKeySource {

    static final int MINIMUM_LENGTH = 16;

    private MasterKeySource() {
    }

    public static char[] resolve(Optional<String> key, Optional<String> keyFile) {
        String value = key.filter(k -> !k.isBlank())
                .or(() -> keyFile.filter(f -> !f.isBlank()).map(MasterKeySource::read))
                .orElseThrow(() -> new MissingMasterKey("No master key: set the environment variable"
                        + " CORPCONNECT_MASTER_KEY, or CORPCONNECT_MASTER_KEY_FILE to a file holding it."
                        + " Stored Exchange credentials cannot be read or written without it."));
        if (value.length() < MINIMUM_LENGTH) {
            throw new MissingMasterKey("The master key is too short: use at least " + MINIMUM_LENGTH
                    + " characters (for example: openssl rand -base64 32).");
        }
        return value.toCharArray();
    }

    private static String read(String file) {
        Path path = Path.of(file);
        try {
            return Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new MissingMasterKey("The master key file " + path + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }
}
