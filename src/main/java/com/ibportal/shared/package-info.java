/**
 * Value types and error types every module may use: money, currencies, lots, and the
 * exceptions services throw for "not found", "conflict" and "invalid input".
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.ibportal.shared;
