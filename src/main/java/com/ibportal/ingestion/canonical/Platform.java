package com.ibportal.ingestion.canonical;

/** The trading platform a closed trade came from. */
public enum Platform {
    MT4, MT5, CTRADER, MATCHTRADER, DXTRADE, OTHER
}
