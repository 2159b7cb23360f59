/**
 * What IBs and admins look at first: activity of a partner's network or the whole program,
 * day by day, as KPI cards and charts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package com.ibportal.dashboard;
