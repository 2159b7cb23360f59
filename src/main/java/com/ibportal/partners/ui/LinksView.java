package com.ibportal.partners.ui;

import com.ibportal.partners.QrCodes;
import com.ibportal.partners.ReferralLink;
import com.ibportal.partners.ReferralLinks;
import com.ibportal.ui.PageHeader;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;

/** An IB's referral links: make one for a campaign, and see each link's clicks and QR code. */
@Route("links")
@PageTitle("Links · IB Portal")
@Menu(order = 6, icon = "vaadin:link", title = "Links")
@RolesAllowed({"IB"})
class LinksView extends VerticalLayout {

    final TextField campaign = new TextField("Campaign tag");
    final Button make = new Button("Make link");
    final TextField link = new TextField("Your link");
    final Image qr = new Image();
    final Grid<ReferralLink> grid = new Grid<>(ReferralLink.class, false);
    final TextField invitation = new TextField("Sub-IB invitation link");
    final Image invitationQr = new Image();

    private final ReferralLinks links;

    LinksView(ReferralLinks links) {
        this.links = links;
        campaign.setHelperText("Letters, digits, _ - . (up to 100); e.g. youtube-march");
        campaign.setMaxLength(ReferralLinks.MAX_CAMPAIGN_LENGTH);
        campaign.setClearButtonVisible(true);
        make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        make.addClickListener(e -> makeLink());
        make.addClickShortcut(Key.ENTER);
        link.setReadOnly(true);
        link.setWidthFull();
        link.setHelperText("Select and copy; share it or print the QR code");
        qr.setWidth("160px");
        qr.setHeight("160px");
        qr.setVisible(false);
        var maker = new HorizontalLayout(campaign, make);
        maker.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.addColumn(l -> l.isBase() ? "Base link" : l.campaign()).setHeader("Campaign").setAutoWidth(true);
        grid.addColumn(ReferralLink::url).setHeader("Link").setFlexGrow(1);
        grid.addColumn(ReferralLink::totalClicks).setHeader("Clicks").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(ReferralLink::clicksLast30Days).setHeader("Last 30 days").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addComponentColumn(l -> qrImage(l, "64px")).setHeader("QR code").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);

        add(new PageHeader("Links", "Your referral links with campaign tags, click counts and QR codes, and your sub-IB invitation link."),
                maker, link, qr, grid);
        links.invitationLink().ifPresent(url -> {
            invitation.setValue(url);
            invitation.setReadOnly(true);
            invitation.setWidthFull();
            invitation.setHelperText("Prospective sub-IBs apply through it; they join under you once approved");
            invitationQr.setSrc(qrDownload(url, "qr-invitation.png"));
            invitationQr.setAlt("QR code for " + url);
            invitationQr.setWidth("160px");
            invitationQr.setHeight("160px");
            add(new H3("Recruit sub-IBs"), invitation, invitationQr);
        });
        showLink(links.linkFor(null));
        refresh();
    }

    void makeLink() {
        ReferralLink made = links.linkFor(campaign.getValue());
        campaign.setValue(made.isBase() ? "" : made.campaign());
        showLink(made);
    }

    private void showLink(ReferralLink shown) {
        link.setValue(shown.url());
        qr.setSrc(qrDownload(shown));
        qr.setAlt("QR code for " + shown.url());
        qr.setVisible(true);
    }

    private void refresh() {
        grid.setItems(links.myLinks());
    }

    private static Image qrImage(ReferralLink l, String size) {
        Image image = new Image(qrDownload(l), "QR code for " + l.url());
        image.setWidth(size);
        image.setHeight(size);
        return image;
    }

    private static DownloadHandler qrDownload(ReferralLink l) {
        return qrDownload(l.url(), "qr-" + (l.isBase() ? "link" : l.campaign()) + ".png");
    }

    private static DownloadHandler qrDownload(String url, String name) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] png = QrCodes.png(url);
            return new DownloadResponse(new ByteArrayInputStream(png), name, "image/png", png.length);
        }).inline();
    }
}
