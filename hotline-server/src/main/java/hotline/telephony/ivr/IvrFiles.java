package hotline.telephony.ivr;

import java.nio.file.Path;

/**
 * Where the IVR's data is read from at start-up: the flows ({@code <flowDir>/<name>.json}) and the sound list; a null
 * part means the copy packaged from {@code ivr-scripts} (a telephony admin points them at edited copies).
 */
public record IvrFiles(Path flowDir, Path soundList) {

    public static final IvrFiles PACKAGED = new IvrFiles(null, null);
}
