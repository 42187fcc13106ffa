package org.corpconnect.it.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.ArchiveAsset;

/**
 * What an archive holds: its name and every entry's path and bytes, nested archives entry by entry. Not a digest of
 * the exported ZIP, which carries the time of export.
 */
record ArchiveDigest(String hex) {

    static ArchiveDigest of(Archive<?> archive) {
        MessageDigest digest = sha256();
        add(archive, digest);
        return new ArchiveDigest(HexFormat.of().formatHex(digest.digest()));
    }

    private static void add(Archive<?> archive, MessageDigest digest) {
        digest.update(archive.getName().getBytes(StandardCharsets.UTF_8));
        Map<String, Node> entries = new TreeMap<>();
        archive.getContent().forEach((ArchivePath path, Node node) -> entries.put(path.get(), node));
        entries.forEach((path, node) -> {
            digest.update((byte) 0);
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            Asset asset = node.getAsset();
            if (asset instanceof ArchiveAsset nested) {
                add(nested.getArchive(), digest);
            } else if (asset != null) {
                try (InputStream in = asset.openStream()) {
                    byte[] buffer = new byte[65536];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Reading " + path + " of " + archive.getName(), e);
                }
            }
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return hex.substring(0, 12);
    }
}
