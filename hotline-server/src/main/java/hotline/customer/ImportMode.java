package hotline.customer;

import hotline.common.Code;

/**
 * What an import does with a file that has bad rows: {@code ALL} (the default) imports nothing, so the file can be
 * fixed and sent again whole; {@code PARTIAL} imports the good rows. Never is half of a row imported.
 */
public enum ImportMode implements Code {
    ALL, PARTIAL
}
