package com.ibportal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.ibportal.clients.ClientRegistration;
import com.ibportal.clients.ClientService;
import com.ibportal.clients.KycStatus;
import com.ibportal.partners.NewPartner;
import com.ibportal.partners.PartnerService;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.security.NewUser;
import com.ibportal.security.PortalUser;
import com.ibportal.security.Role;
import com.ibportal.program.Program;
import com.ibportal.program.ProgramService;
import com.ibportal.security.SystemActor;
import com.ibportal.security.UserAccountService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Test data made through the real services, with unique codes so tests never collide in the shared database. */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);

    private final PartnerService partners;
    private final UserAccountService users;
    private final ClientService clients;
    private final UserDetailsService userDetails;
    private final ProgramService program;
    private volatile boolean programChecked;

    Fixtures(PartnerService partners, UserAccountService users, ClientService clients, UserDetailsService userDetails,
             ProgramService program) {
        this.partners = partners;
        this.users = users;
        this.clients = clients;
        this.userDetails = userDetails;
        this.program = program;
    }

    /**
     * Tests create partners without a plan and expect none; the demo data of a browser test that ran earlier
     * on the same test database may have left a default plan in the program. Done once, on first use (method
     * security cannot tell who is asking while the context starts).
     */
    private void withoutDemoDefaultPlan() {
        if (programChecked) {
            return;
        }
        programChecked = true;
        SystemActor.run(() -> {
            Program current = program.program();
            if (current.defaultPlanCode() != null && current.defaultPlanCode().startsWith("DEMO-")) {
                program.change(new Program(current.brokerName(), current.registrationUrl(), current.payoutCurrency(),
                        current.minimumPayout(), current.maskClientPii(), null));
            }
        });
    }

    /** A code no other test (nor an earlier run on the same database) uses. */
    public String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    public PartnerSummary partner(String code, String parentCode) {
        withoutDemoDefaultPlan();
        return SystemActor.call(() -> partners.create(new NewPartner(code, "Partner " + code, code.toLowerCase(Locale.ROOT) + "@ib.test", parentCode)));
    }

    /** A partner with its IB login (email = the partner's email, password {@link #PASSWORD}). */
    public PortalUser ibWithLogin(String code, String parentCode) {
        PartnerSummary partner = partner(code, parentCode);
        return user(partner.email(), Role.IB, code);
    }

    public PortalUser user(String email, Role role, String partnerCode) {
        return SystemActor.call(() -> users.createUser(new NewUser(email, PASSWORD, role, partnerCode, null)));
    }

    public PortalUser staff(Role role) {
        return user(unique(role.name().toLowerCase(Locale.ROOT)) + "@staff.test", role, null);
    }

    public void client(String externalId, String referralCode, Instant registeredAt, Instant ftdAt, BigDecimal ftdAmount) {
        SystemActor.run(() -> {
            clients.register(new ClientRegistration(externalId, registeredAt, referralCode, null, externalId + "@client.test", "DE"));
            if (ftdAt != null) {
                clients.changeKyc(externalId, KycStatus.APPROVED);
                clients.recordDeposit(externalId, ftdAt, ftdAmount, "USD");
            }
        });
    }

    /** Makes the given user the one asking, for service and browserless view tests. */
    public void signIn(String email) {
        UserDetails details = userDetails.loadUserByUsername(email);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    /** An anonymous visitor, as the web chains make one, for public pages and services. */
    public void signInAnonymously() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.AnonymousAuthenticationToken("test", "anonymousUser",
                org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        SecurityContextHolder.setContext(context);
    }

    public void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** HTTP Basic as this user, for MockMvc requests. */
    public static RequestPostProcessor as(PortalUser user) {
        return httpBasic(user.email(), PASSWORD);
    }

    /** A JSON body on a MockMvc request. */
    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
