package hotline.search;

import hotline.common.Code;

/** The order of search hits: by relevance (the default with words), or by creation date. */
public enum SearchSort implements Code {
    RELEVANCE, NEWEST, OLDEST
}
