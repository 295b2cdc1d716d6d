package hotline.customer.internal;

import hotline.common.InvalidInputException;
import hotline.customer.CriticalReason;
import hotline.customer.CustomerDraft;
import hotline.customer.ImportError;
import hotline.customer.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerCsvTest {

    private static final String HEADER = "accountNumber,name,phones,address,district,waterUse,kind,tier,criticalFacility,"
            + "criticalReason,monthlyConsumption,notes\n";

    @Test
    @DisplayName("a UTF-8 file with a BOM, Chinese text, quoted commas and several phones reads into drafts")
    void readsRows() {
        CustomerCsv.Parsed parsed = CustomerCsv.parse("\uFEFF" + HEADER
                + "100200300,第一人民医院,\"0571-8765 4321; +86 138 0013 8000\",\"杭州市上城区解放路1号, 住院部\",SC,public,organisation,,是,hospital,1200.5,\"备注 \"\"引号\"\"\"\n"
                + "100200301,Li Lei,13900139000,,,residential,individual,small,no,,,\n");

        assertThat(parsed.rows()).isEqualTo(2);
        assertThat(parsed.errors()).isEmpty();
        CustomerDraft hospital = parsed.good().getFirst().draft();
        assertThat(parsed.good().getFirst().row()).isEqualTo(2);
        assertThat(hospital.name()).isEqualTo("第一人民医院");
        assertThat(hospital.address()).isEqualTo("杭州市上城区解放路1号, 住院部");
        assertThat(hospital.phones()).containsExactly("057187654321", "13800138000");
        assertThat(hospital.criticalReason()).isEqualTo(CriticalReason.HOSPITAL);
        assertThat(hospital.monthlyConsumption()).isEqualByComparingTo(new BigDecimal("1200.5"));
        assertThat(hospital.notes()).isEqualTo("备注 \"引号\"");
        assertThat(hospital.tier()).isNull();
        CustomerDraft second = parsed.good().get(1).draft();
        assertThat(second.tier()).isEqualTo(Tier.SMALL);
        assertThat(second.tierReason()).isEqualTo(CustomerCsv.FILE_TIER_REASON);
    }

    @Test
    @DisplayName("bad rows are reported with their line, field and message; a repeated account number fails the later row")
    void reportsBadRows() {
        CustomerCsv.Parsed parsed = CustomerCsv.parse(HEADER
                + "100200300,甲,13800138000,,,residential,individual,,,,,\n"
                + "12ab,乙,13800138000,,,residential,individual,,,,,\n"
                + "100200302,丙,12,,,residential,individual,,,,,\n"
                + "100200300,丁,13800138001,,,residential,individual,,,,,\n"
                + "100200304,戊,13800138002,,,residential,individual,,maybe,,,\n"
                + "100200305,己,13800138003,,,residential,individual,,,,lots,\n"
                + "100200306,庚,13800138004\n");

        assertThat(parsed.rows()).isEqualTo(7);
        assertThat(parsed.good()).hasSize(1);
        assertThat(parsed.errors()).extracting(ImportError::row, ImportError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "accountNumber"),
                org.assertj.core.groups.Tuple.tuple(4, "phones"),
                org.assertj.core.groups.Tuple.tuple(5, "accountNumber"),
                org.assertj.core.groups.Tuple.tuple(6, "criticalFacility"),
                org.assertj.core.groups.Tuple.tuple(7, "monthlyConsumption"),
                org.assertj.core.groups.Tuple.tuple(8, "row"));
        assertThat(parsed.errors().get(2).message()).contains("row 2");
    }

    @Test
    @DisplayName("a header with an unknown or a missing column rejects the whole file")
    void badHeader() {
        assertThatThrownBy(() -> CustomerCsv.parse("accountNumber,name,phones,waterUse,kind,colour\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> CustomerCsv.parse("accountNumber,name,phones,waterUse\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> CustomerCsv.parse(HEADER + "\"100200300,unterminated\n"))
                .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("field", "body")
                .hasMessageContaining("never closed").hasMessageNotContaining("org.apache");
    }

    @Test
    @DisplayName("a cell with a NUL character is a bad row naming its column; only the first 100 bad rows are listed")
    void nulCellsAndManyErrors() {
        StringBuilder file = new StringBuilder(HEADER).append("100200300,a\u0000b,13800138000,,,residential,individual,,,,,\n");
        for (int i = 0; i < 150; i++) {
            file.append("12ab,bad,13800138000,,,residential,individual,,,,,\n");
        }

        CustomerCsv.Parsed parsed = CustomerCsv.parse(file.toString());

        assertThat(parsed.errors().getFirst()).extracting(ImportError::row, ImportError::field).containsExactly(2, "name");
        assertThat(parsed.errors()).hasSize(hotline.customer.ImportErrors.MAX);
        assertThat(parsed.errorCount()).isEqualTo(151);
    }
}
