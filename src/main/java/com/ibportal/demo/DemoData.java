package com.ibportal.demo;

import com.ibportal.commissions.PlanService;
import com.ibportal.partners.PartnerSummary;
import com.ibportal.program.Program;
import com.ibportal.program.ProgramService;
import com.ibportal.clients.ClientRegistration;
import com.ibportal.clients.ClientService;
import com.ibportal.clients.KycStatus;
import com.ibportal.partners.NewPartner;
import com.ibportal.partners.PartnerService;
import com.ibportal.security.NewUser;
import com.ibportal.security.Role;
import com.ibportal.security.SystemActor;
import com.ibportal.security.UserAccountService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo program once (it is skipped when the admin login already exists), with a fixed
 * random seed so every newcomer sees the same shape of data.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "portal.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String ADMIN_EMAIL = "admin@ibportal.test";
    static final String ADMIN_PASSWORD = "admin-demo-2026";
    static final String FINANCE_EMAIL = "finance@ibportal.test";
    static final String FINANCE_PASSWORD = "finance-demo-2026";
    static final String IB_PASSWORD = "ib-demo-2026";
    static final List<String> MASTERS = List.of("IB-ALPHA", "IB-BRAVO", "IB-CHARLIE");
    static final int SUBS_PER_MASTER = 4;
    static final int SUBS_PER_SUB = 3;
    static final int DEFAULT_CLIENTS = 3000;
    static final int DAYS = 120;
    static final int CLIENTS_PER_TRANSACTION = 200;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserAccountService users;
    private final PartnerService partners;
    private final ClientService clients;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int clientCount;
    private final Environment environment;
    private final PlanService plans;
    private final ProgramService program;

    DemoData(UserAccountService users, PartnerService partners, ClientService clients, TransactionTemplate transaction, Clock clock,
             @Value("${portal.demo.clients:" + DEFAULT_CLIENTS + "}") int clientCount,
             Environment environment, PlanService plans, ProgramService program) {
        this.plans = plans;
        this.program = program;
        this.clientCount = clientCount;
        this.environment = environment;
        this.users = users;
        this.partners = partners;
        this.clients = clients;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(() -> {
            if (partners.partnerExists(MASTERS.getFirst())) {
                transaction.executeWithoutResult(tx -> seedPlansIfMissing(false));
                logLogins("Demo data already present");
                return;
            }
            long started = System.nanoTime();
            List<String> codes = transaction.execute(tx -> seedLoginsAndPartners());
            seedClients(codes);
            logLogins("Demo data created in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        });
    }

    private List<String> seedLoginsAndPartners() {
        seedPlansIfMissing(true);
        users.createUser(new NewUser(ADMIN_EMAIL, ADMIN_PASSWORD, Role.ADMIN, null, "Demo Admin"));
        users.createUser(new NewUser(FINANCE_EMAIL, FINANCE_PASSWORD, Role.FINANCE, null, "Demo Finance"));
        List<String> codes = new ArrayList<>();
        for (String master : MASTERS) {
            codes.add(createPartner(master, null));
            users.createUser(new NewUser(email(master), IB_PASSWORD, Role.IB, master, title(master)));
            for (int s = 1; s <= SUBS_PER_MASTER; s++) {
                String sub = master + "-" + s;
                codes.add(createPartner(sub, master));
                for (char leaf = 'A'; leaf < 'A' + SUBS_PER_SUB; leaf++) {
                    codes.add(createPartner(sub + "-" + leaf, sub));
                }
            }
        }
        users.createUser(new NewUser(email("IB-ALPHA-1"), IB_PASSWORD, Role.IB, "IB-ALPHA-1", title("IB-ALPHA-1")));
        users.createUser(new NewUser(email("IB-ALPHA-1-A"), IB_PASSWORD, Role.IB, "IB-ALPHA-1-A", title("IB-ALPHA-1-A")));
        return codes;
    }

    private void seedClients(List<String> codes) {
        Random random = new Random(20261125);
        Instant now = clock.instant();
        String[] countries = {"DE", "ES", "MX", "AE", "NG", "TH", "MY", "GB", "ZA", "CO"};
        // small transactions: one big one makes every query flush an ever larger persistence context
        for (int first = 1; first <= clientCount; first += CLIENTS_PER_TRANSACTION) {
            int from = first;
            transaction.executeWithoutResult(tx -> {
                for (int i = from; i < from + CLIENTS_PER_TRANSACTION && i <= clientCount; i++) {
                    seedClient(i, codes, random, now, countries);
                }
            });
        }
    }

    private void seedClient(int i, List<String> codes, Random random, Instant now, String[] countries) {
        Instant registered = now.minus(Duration.ofMinutes(random.nextLong(DAYS * 24L * 60)));
        double draw = random.nextDouble();
        // about 8% organic (no code) and 2% with a code no partner has, as in real traffic
        String code = draw < 0.08 ? null : draw < 0.10 ? "UNKNOWN-" + random.nextInt(5) : codes.get(random.nextInt(codes.size()));
        String externalId = "DEMO-%05d".formatted(i);
        clients.register(new ClientRegistration(externalId, registered, code, random.nextBoolean() ? "spring" : "webinar",
                "client%05d@mail.test".formatted(i), countries[random.nextInt(countries.length)]));
        if (random.nextDouble() < 0.45) {
            Instant ftd = registered.plus(Duration.ofHours(1 + random.nextInt(240)));
            if (ftd.isBefore(now)) {
                clients.changeKyc(externalId, KycStatus.APPROVED);
                BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(4900)).setScale(2, RoundingMode.HALF_EVEN);
                clients.recordDeposit(externalId, ftd, amount, "USD");
            }
        } else if (random.nextDouble() < 0.3) {
            clients.changeKyc(externalId, KycStatus.PENDING);
        }
    }

    private String createPartner(String code, String parent) {
        partners.create(new NewPartner(code, title(code), email(code), parent, DemoPlans.planFor(code)));
        return code;
    }

    /**
     * The demo's three plans (master, sub-IB, introducer): per-lot rates with rate-difference
     * overrides up the tree, and a CPA for introducers. A demo database made before plans existed
     * gets them on its next start, assigned to its partners.
     */
    private void seedPlansIfMissing(boolean newProgram) {
        if (plans.all().stream().anyMatch(p -> p.code().equals(DemoPlans.INTRODUCER))) {
            return;
        }
        DemoPlans.documents().forEach(plans::put);
        Program current = program.program();
        program.change(new Program(current.brokerName(), current.registrationUrl(), current.payoutCurrency(),
                current.minimumPayout(), current.maskClientPii(), DemoPlans.INTRODUCER));
        if (!newProgram) {
            for (PartnerSummary partner : partners.all()) {
                plans.assign(partner.code(), DemoPlans.planFor(partner.code()), null);
            }
        }
    }

    private static String email(String code) {
        return code.toLowerCase() + "@ibportal.test";
    }

    private static String title(String code) {
        return "Partner " + code.substring(3);
    }

    private void logLogins(String what) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("""
                {}. Sign in at http://localhost:{} with
                  admin    {} / {}
                  finance  {} / {}
                  IB       ib-alpha@ibportal.test / {}  (master IB; also ib-alpha-1@… sub-IB, ib-alpha-1-a@… sub-sub-IB)""",
                what, port, ADMIN_EMAIL, ADMIN_PASSWORD, FINANCE_EMAIL, FINANCE_PASSWORD, IB_PASSWORD);
    }
}
