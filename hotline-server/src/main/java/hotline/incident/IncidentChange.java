package hotline.incident;

import hotline.common.Code;

/**
 * What happened to an incident, as told on {@value IncidentService#BUS_ADDRESS}: a report opened it or joined it, a
 * crew was dispatched, it closed, another was merged into it, or it was made of reports split off another.
 */
public enum IncidentChange implements Code {
    OPENED, REPORT, DISPATCHED, CLOSED, MERGED, SPLIT
}
