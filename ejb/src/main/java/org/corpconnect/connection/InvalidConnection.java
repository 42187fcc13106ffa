package org.corpconnect.connection;

import java.util.Optional;
import org.corpconnect.BusinessException;

/** Connection settings that cannot be used; {@link #field()} names the entry at fault where there is one. */
public class InvalidConnection extends BusinessException {

    private final String field;

    public InvalidConnection(String message) {
        this(null, message);
    }

    public InvalidConnection(String field, String message) {
        super(message);
        this.field = field;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
