/**
 * Technical platform: the embedded MariaDB that makes one command start the portal, and
 * operational wiring (DataSource, clock). Knows no business module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.ibportal.platform;
