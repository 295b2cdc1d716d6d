package hotline.ticket.workflow;

import hotline.common.Code;

/** What is wrong with the water in a water-quality report (黄水、浑水、异味). */
public enum QualityAspect implements Code {
    COLOUR, SMELL, TASTE
}
