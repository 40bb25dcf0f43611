package io.cmohub.routes.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentStoreTest {

    @Test
    void keepsBytesWithTheirDigestAndRefusesOversizedDocumentsWithoutLeavingAnything(@TempDir Path dir) throws Exception {
        FileSystemDocumentStore store = new FileSystemDocumentStore(dir);
        StoredDocument stored = store.store(new ByteArrayInputStream("abc".getBytes()), 10);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest("abc".getBytes())));
        try (var in = store.open(stored.documentId())) {
            assertThat(new String(in.readAllBytes())).isEqualTo("abc");
        }
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(new byte[11]), 10)).isInstanceOf(DocumentTooLargeException.class)
                .hasMessageContaining("larger than the limit of 10 bytes");
        try (var files = Files.list(dir.resolve(".incoming"))) {
            assertThat(files).isEmpty();
        }
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void controlCharactersAreEscapedBeforeTheyReachTheDatabase() {
        assertThat(StoredText.clean("a\u0000b\u001bc\td")).isEqualTo("a\\u0000b\\u001Bc\td");
        assertThat(StoredText.clean("plain")).isSameAs("plain");
        assertThat(StoredText.clean("\uD800x")).isEqualTo("\\uD800x");
    }
}
