/**
 * Demo data for a newcomer's first start: staff logins, a three-level IB tree and a few months
 * of clients, written through the same services real data goes through.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package com.ibportal.demo;
