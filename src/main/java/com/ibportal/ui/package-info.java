/**
 * The app shell: MainLayout with navigation built from {@code @Menu} (so the shell never imports
 * feature views), the user menu, and small UI components the feature views share.
 */
@org.springframework.modulith.ApplicationModule(displayName = "UI shell", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.ibportal.ui;
