package hotline.incident;

import hotline.common.Code;

/** An incident's lifecycle; a merged incident lives on in the one it was merged into. */
public enum IncidentStatus implements Code {
    OPEN, CLOSED, MERGED
}
