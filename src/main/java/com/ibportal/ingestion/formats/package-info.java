/**
 * Vendor formats: each maps one platform's or CRM's records (MT5, MT4, cTrader, Match-Trader, DXtrade, a configurable
 * JSON mapping, or the canonical shape itself) into canonical events, and names the field when input cannot be mapped.
 */
package com.ibportal.ingestion.formats;
