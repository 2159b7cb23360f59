/** RFC 4180 CSV reading and the per-connector column mapping for CSV imports; framework-free. */
package com.ibportal.ingestion.csv;
