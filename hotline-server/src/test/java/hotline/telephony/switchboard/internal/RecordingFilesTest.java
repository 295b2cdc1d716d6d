package hotline.telephony.switchboard.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingFilesTest {

    private final RecordingFiles files = new RecordingFiles(Path.of("/srv/recordings"));

    @Test
    @DisplayName("a recording name resolves inside the directory; names that would leave it resolve to nothing")
    void noTraversal() {
        assertThat(files.resolve("hotline/20261123/1700000100.11.wav"))
                .contains(Path.of("/srv/recordings/hotline/20261123/1700000100.11.wav"));
        for (String name : new String[]{"../etc/passwd", "hotline/../../etc/passwd", "/etc/passwd", "hotline/..",
                ".", "a\\..\\b", "hotline/x.wav\u0000", "", null}) {
            assertThat(files.resolve(name)).as(String.valueOf(name)).isEmpty();
        }
        assertThat(new RecordingFiles(null).resolve("hotline/a.wav")).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("Range headers: one range, open end, suffix; several ranges or another unit mean the whole file")
    void ranges() {
        assertThat(ByteRange.of("bytes=0-99", 1000)).contains(new ByteRange(0, 100));
        assertThat(ByteRange.of("bytes=900-", 1000)).contains(new ByteRange(900, 100));
        assertThat(ByteRange.of("bytes=990-2000", 1000)).contains(new ByteRange(990, 10));
        assertThat(ByteRange.of("bytes=-100", 1000)).contains(new ByteRange(900, 100));
        assertThat(ByteRange.of("bytes=-5000", 1000)).contains(new ByteRange(0, 1000));
        assertThat(ByteRange.of(null, 1000)).isEmpty();
        assertThat(ByteRange.of("bytes=0-1,5-9", 1000)).isEmpty();
        assertThat(ByteRange.of("items=0-1", 1000)).isEmpty();
        assertThat(ByteRange.of("bytes=9-1", 1000)).isEmpty();
        assertThatThrownBy(() -> ByteRange.of("bytes=1000-", 1000)).isInstanceOf(ByteRange.NotSatisfiable.class);
        assertThat(new ByteRange(16, 10).contentRange(116)).isEqualTo("bytes 16-25/116");
    }
}
