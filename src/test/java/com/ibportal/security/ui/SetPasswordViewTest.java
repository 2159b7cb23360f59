package com.ibportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.PortalIntegrationTest;
import com.ibportal.security.PasswordLinkService;
import com.ibportal.security.SystemActor;
import com.ibportal.security.UserAccountService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
class SetPasswordViewTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    PasswordLinkService links;
    @Autowired
    UserAccountService users;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    String code;
    String email;
    String token;

    @BeforeEach
    void aLoginWithALink() {
        code = fixtures.unique("SPV");
        fixtures.partner(code, null);
        email = code.toLowerCase(Locale.ROOT) + "@ib.test";
        token = SystemActor.call(() -> {
            users.createIbLoginWithoutPassword(email, code, "Set Me");
            String url = links.issue(email).url();
            return url.substring(url.lastIndexOf('/') + 1);
        });
        fixtures.signInAnonymously();
    }

    @AfterEach
    void signOut() {
        fixtures.signOut();
    }

    @Test
    void thePasswordIsSetOnceAndThePersonIsSentToSignIn() throws Exception {
        SetPasswordView view = navigate("set-password/" + token, SetPasswordView.class);
        assertThat(view.intro.getText()).contains(email);
        view.password.setValue("a-good-long-password");
        view.repeat.setValue("a-good-long-password");
        test(view.save).click();

        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("LoginView");
        mvc.perform(get("/api/v1/partners/" + code).with(httpBasic(email, "a-good-long-password"))).andExpect(status().isOk());
        SetPasswordView again = navigate("set-password/" + token, SetPasswordView.class);
        assertThat(again.intro.getText()).contains("already used or expired");
        assertThat(again.form.isVisible()).isFalse();
    }

    @Test
    void shortOrDifferingPasswordsAreRefusedAndTheLinkStaysUsable() {
        SetPasswordView view = navigate("set-password/" + token, SetPasswordView.class);
        view.password.setValue("short");
        view.repeat.setValue("short");
        test(view.save).click();
        assertThat(view.password.isInvalid()).isTrue();
        view.password.setValue("a-good-long-password");
        view.repeat.setValue("a-good-long-passworx");
        test(view.save).click();
        assertThat(view.repeat.isInvalid()).isTrue();
        assertThat(getCurrentView()).isInstanceOf(SetPasswordView.class);
        assertThat(links.emailFor(token)).contains(email);
    }

    @Test
    void anExpiredOrUnknownLinkOffersNoForm() {
        jdbc.sql("UPDATE password_link SET expires_at = ? WHERE token_hash = ?")
                .params(java.sql.Timestamp.valueOf("2020-01-01 00:00:00"), com.ibportal.shared.Hashing.sha256Hex(token)).update();
        SetPasswordView expired = navigate("set-password/" + token, SetPasswordView.class);
        assertThat(expired.form.isVisible()).isFalse();
        SetPasswordView unknown = navigate("set-password/not-a-token", SetPasswordView.class);
        assertThat(unknown.form.isVisible()).isFalse();
        assertThat(unknown.save.isVisible()).isFalse();
    }

    @Test
    void aNewerLinkReplacesTheOlderOne() {
        String newer = SystemActor.call(() -> {
            String url = links.issue(email).url();
            return url.substring(url.lastIndexOf('/') + 1);
        });
        assertThat(links.emailFor(token)).isEmpty();
        assertThat(links.emailFor(newer)).contains(email);
        navigate("login", Component.class);
    }
}
