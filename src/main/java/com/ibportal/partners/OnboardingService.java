package com.ibportal.partners;

import com.ibportal.security.AuditTrail;
import com.ibportal.security.CurrentUser;
import com.ibportal.security.IssuedPasswordLink;
import com.ibportal.security.PasswordLinkService;
import com.ibportal.security.SystemActor;
import com.ibportal.security.UserAccountService;
import com.ibportal.shared.ConflictException;
import com.ibportal.shared.InvalidInputException;
import com.ibportal.shared.InvalidInputException.FieldProblem;
import com.ibportal.shared.NotFoundException;
import jakarta.validation.Validator;
import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboarding without manual setup: applications from the public "Become a partner" page and from
 * sub-IB invitation links queue for an admin; approval creates the partner, its IB login without a
 * usable password, and a set-password link. Invited sub-IBs skip the queue when the onboarding
 * setting says their approval is not required (the system approves them).
 */
@Service
public class OnboardingService {

    static final String CODE_PREFIX = "IB-";
    static final int MAX_CODE = 64;
    public static final int MAX_REJECT_REASON = 500;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final PartnerApplications applications;
    private final OnboardingSettingsStore settings;
    private final Partners partners;
    private final PartnerService partnerService;
    private final UserAccountService userAccounts;
    private final PasswordLinkService passwordLinks;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;

    OnboardingService(PartnerApplications applications, OnboardingSettingsStore settings, Partners partners,
                      PartnerService partnerService, UserAccountService userAccounts, PasswordLinkService passwordLinks,
                      CurrentUser currentUser, AuditTrail audit, Validator validator, Clock clock) {
        this.applications = applications;
        this.settings = settings;
        this.partners = partners;
        this.partnerService = partnerService;
        this.userAccounts = userAccounts;
        this.passwordLinks = passwordLinks;
        this.currentUser = currentUser;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    /** An application from the public page (or the broker's own site through the API); anyone may apply. */
    @PreAuthorize("permitAll()")
    @Transactional
    public ApplicationSummary apply(NewApplication application) {
        return save(application, null).toSummary(null);
    }

    /**
     * An application through an IB's invitation link, with the inviter as the intended parent.
     * Not found when the inviter does not exist, is suspended or may not recruit.
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public ApplicationSummary applyByInvitation(String inviterCode, NewApplication application) {
        Partner inviter = inviting(inviterCode).orElseThrow(() -> new NotFoundException("Invitation " + inviterCode));
        PartnerApplication saved = save(application, inviter.getId());
        // an email that already has a partner or a login would fail approval: such an application waits for an admin
        if (!settings.current().isSubIbApprovalRequired()
                && !SystemActor.call(() -> userAccounts.emailInUse(saved.getEmail()))
                && !partners.existsByEmailIgnoreCase(saved.getEmail())) {
            return SystemActor.call(() -> approve(saved, null, null)).application();
        }
        return saved.toSummary(inviter.getCode());
    }

    /** The inviter's name when its invitation link works (active and allowed to recruit); for the public join page. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<String> invitationFrom(String inviterCode) {
        return inviting(inviterCode).map(Partner::getName);
    }

    /** Applications by status (null: all), newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ApplicationSummary> applications(ApplicationStatus status) {
        List<PartnerApplication> found = status == null ? applications.findAllByOrderBySubmittedAtDescIdDesc()
                : applications.findByStatusOrderBySubmittedAtDescIdDesc(status);
        Set<Long> inviterIds = found.stream().map(PartnerApplication::getInviterPartnerId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, String> codes = partners.findAllById(inviterIds).stream().collect(Collectors.toMap(Partner::getId, Partner::getCode));
        return found.stream().map(a -> a.toSummary(codes.get(a.getInviterPartnerId()))).toList();
    }

    /**
     * Approves a pending application: creates the partner (code as given, else derived from the name),
     * under {@code parentCode} if given, else under the inviter, else at the top level; its IB login
     * without a usable password; and a set-password link, returned here and handed to the link sender.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ApprovalResult approve(long id, String code, String parentCode) {
        PartnerApplication application = pending(id);
        return approve(application, blankToNull(code), blankToNull(parentCode));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ApplicationSummary reject(long id, String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > MAX_REJECT_REASON) {
            throw InvalidInputException.of("reason", "give a reason of 1 to " + MAX_REJECT_REASON + " characters");
        }
        PartnerApplication application = pending(id);
        application.reject(why, currentUser.actorName(), clock.instant());
        audit.record("APPLICATION_REJECTED", application.getEmail(), why);
        return application.toSummary(inviterCode(application));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public boolean subIbApprovalRequired() {
        return settings.current().isSubIbApprovalRequired();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public boolean requireSubIbApproval(boolean required) {
        OnboardingSettings current = settings.current();
        if (current.isSubIbApprovalRequired() != required) {
            current.requireSubIbApproval(required);
            audit.record("ONBOARDING_SETTINGS_CHANGED", "subIbApprovalRequired", String.valueOf(required));
        }
        return required;
    }

    /** A partner code from a name: {@code IB-} and its letters and digits in upper case, dashes between words. */
    static String codeFrom(String name) {
        // letters that do not decompose into a base letter and a mark
        String spelled = (name == null ? "" : name).replace("Ø", "O").replace("ø", "o").replace("Æ", "AE").replace("æ", "ae")
                .replace("ß", "ss").replace("Ł", "L").replace("ł", "l").replace("Đ", "D").replace("đ", "d");
        String ascii = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = "PARTNER";
        }
        // room for a "-NNNN" suffix on a clash
        int max = MAX_CODE - CODE_PREFIX.length() - 5;
        if (slug.length() > max) {
            slug = slug.substring(0, max).replaceAll("-+$", "");
        }
        return CODE_PREFIX + slug;
    }

    private ApprovalResult approve(PartnerApplication application, String code, String parentCode) {
        String partnerCode = code != null ? code : uniqueCode(codeFrom(application.getName()));
        String parent = parentCode != null ? parentCode : inviterCode(application);
        if (userAccounts.emailInUse(application.getEmail())) {
            throw new ConflictException("A login with email " + application.getEmail() + " already exists; reject the application");
        }
        NewPartner request = new NewPartner(partnerCode, application.getName(), application.getEmail(), parent);
        List<FieldProblem> problems = validator.validate(request).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PartnerSummary partner = partnerService.create(request);
        userAccounts.createIbLoginWithoutPassword(application.getEmail(), partnerCode, application.getName());
        IssuedPasswordLink link = passwordLinks.issue(application.getEmail());
        application.approve(partnerCode, currentUser.actorName(), clock.instant());
        audit.record("APPLICATION_APPROVED", application.getEmail(), "partner " + partnerCode
                + (parent == null ? "" : " under " + parent));
        return new ApprovalResult(application.toSummary(inviterCode(application)), partner, link);
    }

    private String uniqueCode(String base) {
        if (!partners.existsByCode(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!partners.existsByCode(candidate)) {
                return candidate;
            }
        }
    }

    private PartnerApplication save(NewApplication raw, Long inviterId) {
        NewApplication application = normalized(raw);
        List<FieldProblem> problems = validator.validate(application).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field)).collect(Collectors.toList());
        if (application.country() != null && application.country().length() == 2 && !COUNTRIES.contains(application.country())) {
            problems.add(new FieldProblem("country", "unknown country code"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (applications.existsByEmailAndStatus(application.email(), ApplicationStatus.PENDING)) {
            throw new ConflictException("An application for " + application.email() + " is already waiting for review");
        }
        try {
            PartnerApplication saved = applications.saveAndFlush(new PartnerApplication(application.name(), application.email(),
                    application.country(), application.channels(), application.expectedMonthlyLots(), inviterId, clock.instant()));
            audit.record("APPLICATION_SUBMITTED", application.email(), inviterId == null ? "public page" : "invited");
            return saved;
        } catch (DataIntegrityViolationException e) {
            // the unique key on pending emails caught a second submission racing the check above
            throw new ConflictException("An application for " + application.email() + " is already waiting for review");
        }
    }

    private static NewApplication normalized(NewApplication a) {
        Function<String, String> trim = s -> s == null ? null : s.trim();
        return new NewApplication(trim.apply(a.name()), a.email() == null ? null : a.email().trim().toLowerCase(Locale.ROOT),
                a.country() == null ? null : a.country().trim().toUpperCase(Locale.ROOT), trim.apply(a.channels()),
                a.expectedMonthlyLots());
    }

    private PartnerApplication pending(long id) {
        PartnerApplication application = applications.lock(id).orElseThrow(() -> new NotFoundException("Application " + id));
        if (application.getStatus() != ApplicationStatus.PENDING) {
            throw new ConflictException("Application " + id + " is already " + application.getStatus().name().toLowerCase(Locale.ROOT));
        }
        return application;
    }

    private Optional<Partner> inviting(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return partners.findByCode(code).filter(p -> p.getStatus() == PartnerStatus.ACTIVE && p.mayRecruit());
    }

    private String inviterCode(PartnerApplication application) {
        return application.getInviterPartnerId() == null ? null
                : partners.findById(application.getInviterPartnerId()).map(Partner::getCode).orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
