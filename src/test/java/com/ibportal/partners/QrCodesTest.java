package com.ibportal.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Test
    void rendersALinkAsAPngThatScansBackToTheLink() throws Exception {
        String url = "https://portal.example.com/r/IB-ALPHA?sub=youtube-march_2.0";
        byte[] png = QrCodes.png(url);

        assertThat(png).startsWith(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(QrCodes.DEFAULT_SIZE);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new MultiFormatReader().decode(bitmap).getText()).isEqualTo(url);
    }

    @Test
    void refusesNothingToEncode() {
        assertThatThrownBy(() -> QrCodes.png(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
