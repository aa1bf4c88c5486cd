package ai.datachain.toolkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.junit.jupiter.api.Test;

class TokenRecordTest {

    private static final String TOKEN = "isat_0123456789abcdefghijABCDEFGHIJ";
    private final TokenRecord record = new TokenRecord("my-token", List.of("DATASETS"), List.of("a", "b"),
            LocalDate.of(2027, 11, 28));

    @Test
    void fingerprintIsTheStartOfTheSha256() {
        // printf %s isat_0123456789abcdefghijABCDEFGHIJ | sha256sum | cut -c1-12
        assertThat(TokenRecord.fingerprint(TOKEN)).isEqualTo("5561e7534a04");
    }

    @Test
    void readsBackWhatItWroteForTheSameToken() {
        BaseHierarchicalConfiguration file = new BaseHierarchicalConfiguration();
        record.writeTo(file, TOKEN);

        assertThat(TokenRecord.readFrom(file, TOKEN)).contains(record);
        assertThat(TokenRecord.readFrom(file, "isat_other")).isEmpty();
    }

    @Test
    void aRecordWithoutFingerprintOrWithAnUnreadableDateIsIgnored() {
        BaseHierarchicalConfiguration file = new BaseHierarchicalConfiguration();
        record.writeTo(file, TOKEN);
        file.clearProperty(TokenRecord.FINGERPRINT);
        assertThat(TokenRecord.readFrom(file, TOKEN)).isEmpty();

        record.writeTo(file, TOKEN);
        file.setProperty(TokenRecord.EXPIRES, "next year");
        assertThat(TokenRecord.readFrom(file, TOKEN)).isEmpty();
    }

    @Test
    void clearRemovesEveryKeyAndNothingElse() {
        BaseHierarchicalConfiguration file = new BaseHierarchicalConfiguration();
        file.setProperty("studio.url", "https://x");
        record.writeTo(file, TOKEN);

        TokenRecord.clear(file);

        List<String> keys = new java.util.ArrayList<>();
        file.getKeys().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("studio.url");
    }
}
