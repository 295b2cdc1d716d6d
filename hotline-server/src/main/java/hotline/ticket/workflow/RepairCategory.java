package hotline.ticket.workflow;

import hotline.common.Code;

/** What a repair report is about; the code is the ticket's {@code category}. */
public enum RepairCategory implements Code {
    BURST_MAIN, SERVICE_PIPE_LEAK, METER_LEAK, HYDRANT, NO_WATER, LOW_PRESSURE,
    /** Discoloured, cloudy or smelling water; the aspect is {@link QualityAspect}. */
    WATER_QUALITY
}
