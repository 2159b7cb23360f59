package com.ibportal.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpAllowListTest {

    @Test
    void matchesAddressesAndRanges() {
        IpAllowList list = IpAllowList.parse(List.of("10.0.0.0/8", "192.168.1.7", "2001:db8::/32", "172.16.0.0/12"));
        assertThat(list.allows("10.255.0.1")).isTrue();
        assertThat(list.allows("11.0.0.1")).isFalse();
        assertThat(list.allows("192.168.1.7")).isTrue();
        assertThat(list.allows("192.168.1.8")).isFalse();
        assertThat(list.allows("172.31.255.255")).isTrue();
        assertThat(list.allows("172.32.0.0")).isFalse();
        assertThat(list.allows("2001:db8:1::5")).isTrue();
        assertThat(list.allows("2001:db9::5")).isFalse();
        assertThat(list.allows("not-an-ip")).isFalse();
        assertThat(IpAllowList.ANY.allows("1.2.3.4")).isTrue();
    }

    @Test
    void refusesHostNamesAndBadPrefixesWithoutResolvingThem() {
        assertThatThrownBy(() -> IpAllowList.parse(List.of("crm.example.com"))).hasMessageContaining("not an IP");
        assertThatThrownBy(() -> IpAllowList.parse(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
    }
}
