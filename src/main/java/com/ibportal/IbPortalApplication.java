package com.ibportal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** IB Portal: partner portal for Forex and CFD brokers. */
@SpringBootApplication
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@PWA(name = "IB Portal", shortName = "IB Portal")
public class IbPortalApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(IbPortalApplication.class, args);
    }
}
