package org.parkhub.simulator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.apache.camel.Exchange;
import org.parkhub.customs.CebDocuments;
import org.parkhub.customs.CebFormatErrors;
import org.parkhub.customs.CebInventories;
import org.parkhub.customs.CebOrders;
import org.parkhub.customs.CebPayments;
import org.parkhub.customs.CebShipments;
import org.parkhub.customs.CebSignatures;
import org.parkhub.customs.CebTaxes;
import org.parkhub.customs.CebWarehouseIn;
import org.parkhub.customs.CebWaybills;
import org.parkhub.customs.CebWithdrawals;
import org.parkhub.customs.CebXml;
import org.parkhub.customs.CustomsXmlException;
import org.parkhub.customs.DxpEnvelope;
import org.parkhub.model.CustomsReceipt;
import org.parkhub.model.DocumentAction;
import org.parkhub.model.InventoryCancellation;
import org.parkhub.model.InventoryDeclaration;
import org.parkhub.model.InventoryLine;
import org.parkhub.model.InventoryRefund;
import org.parkhub.model.Order;
import org.parkhub.model.Payment;
import org.parkhub.model.ShipmentEvent;
import org.parkhub.model.TaxBill;
import org.parkhub.model.TaxLine;
import org.parkhub.model.WarehouseInList;
import org.parkhub.model.Waybill;
import org.parkhub.precheck.TaxRates;
import org.parkhub.precheck.TaxTables;
import org.parkhub.simulator.CustomsRecords.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in customs, where the embedded default's gateway sends (decision 0015). It reads what arrives as customs'
 * systems do (the DXP envelope, the CEB message and its signature), keeps it on record by customs' keys, and answers
 * as customs does: a CEB900 for a message it cannot read; for a declaration that fails its checks
 * ({@link DeclarationReview}) a refusal with customs' code and reason; else 2, 120, for some an inspection (500),
 * then 800 with the CEB816 tax bill; and receipts for orders, payments, waybills, sign-fors, cancellations, returns
 * and warehouse lists. Each answer comes a step after the one before, back through the broker's customs ingress.
 */
public class CustomsSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(CustomsSimulator.class);
    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** How the simulated customs behaves: the time each answer takes, the share sent to inspection. */
    public record Behaviour(Duration step, int inspectionPercent) {
    }

    private final CustomsRecords records;
    private final CustomsAnswers answers;
    private final TaxTables taxTables;
    private final UnaryOperator<String> keyedHash;
    private final Behaviour behaviour;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * A simulator keeping its records in {@code dataSource} and answering on the broker's customs ingress
     * ({@code ingress}) as {@code customsParticipant}, from customs' DXP node to the hub's.
     */
    public static CustomsSimulator of(DataSource dataSource, ConnectionFactory connections, String ingress,
            String customsParticipant, String customsDxpId, String hubDxpId, TaxTables taxTables,
            UnaryOperator<String> keyedHash, Behaviour behaviour, Clock clock, ZoneId zone) {
        return new CustomsSimulator(new CustomsRecords(dataSource, clock), new CustomsAnswers(connections, ingress,
                customsParticipant, customsDxpId, hubDxpId, clock), taxTables, keyedHash, behaviour, clock, zone);
    }

    CustomsSimulator(CustomsRecords records, CustomsAnswers answers, TaxTables taxTables,
            UnaryOperator<String> keyedHash, Behaviour behaviour, Clock clock, ZoneId zone) {
        this.records = records;
        this.answers = answers;
        this.taxTables = taxTables;
        this.keyedHash = keyedHash;
        this.behaviour = behaviour;
        this.clock = clock;
        this.zone = zone;
    }

    /** Whether customs sends this declaration to physical inspection: the same answer for the same copNo. */
    public static boolean inspects(String copNo, int percent) {
        return Math.floorMod(copNo.hashCode(), 100) < percent;
    }

    /** A DXP message from the gateway. */
    public void receive(Exchange exchange) throws JMSException {
        receive(exchange.getMessage().getBody(String.class));
    }

    void receive(String dxp) throws JMSException {
        Schedule schedule = new Schedule(OffsetDateTime.now(clock.withZone(zone)));
        String xml = null;
        CebDocuments.Content content;
        try {
            DxpEnvelope.Message message = DxpEnvelope.unwrap(dxp);
            xml = new String(message.data(), StandardCharsets.UTF_8);
            content = CebDocuments.read(xml, zone);
        } catch (CustomsXmlException e) {
            schedule.answer(CebXml.write(CebFormatErrors.answer(CebFormatErrors.messageTypeOf(xml), null,
                    "报文格式错误: " + e.getMessage(), schedule.next(), zone)));
            answers.send(schedule.answers);
            return;
        }
        // customs takes a declaration only signed by its declarant (CEB621, 623, 625 with appStatus 2)
        boolean signatureValid = CebSignatures.verify(xml).status() == CebSignatures.Status.VALID
                || !content.messageCode().matches("CEB62[135]");
        for (int i = 0; i < content.payloads().size(); i++) {
            Record payload = content.payloads().get(i);
            DocumentAction action = content.actions().get(i);
            if (payload instanceof InventoryDeclaration d) {
                declaration(d, action, signatureValid, schedule);
            } else if (payload instanceof Order o) {
                records.keep("CEB311", o.ebpCode() + ":" + o.orderNo(), o.orderNo(), o, kept(action), null);
                schedule.answer(CebXml.write(CebOrders.toCeb312(List.of(CustomsReceipt.of("CEB312", guid())
                        .order(o.ebpCode(), o.ebcCode(), o.orderNo()).status(120, schedule.next(), "电子订单入库成功")), zone)));
            } else if (payload instanceof Payment p) {
                records.keep("CEB411", p.payCode() + ":" + p.payTransactionId(), p.orderNo(), p, kept(action), null);
                schedule.answer(CebXml.write(CebPayments.toCeb412(List.of(CustomsReceipt.of("CEB412", guid())
                        .payment(p.payCode(), p.payTransactionId()).status(120, schedule.next(), "支付单入库成功")), zone)));
            } else if (payload instanceof Waybill w) {
                records.keep("CEB511", w.logisticsCode() + ":" + w.logisticsNo(), w.orderNo(), w, kept(action), null);
                schedule.answer(CebXml.write(CebWaybills.toCeb512(List.of(CustomsReceipt.of("CEB512", guid())
                        .waybill(w.logisticsCode(), w.logisticsNo()).status(120, schedule.next(), "运单入库成功")), zone)));
            } else if (payload instanceof ShipmentEvent e) {
                schedule.answer(CebXml.write(CebShipments.toCeb514(List.of(CustomsReceipt.of("CEB514", guid())
                        .waybill(e.logisticsCode(), e.logisticsNo()).status(120, schedule.next(), "运单状态入库成功")), zone)));
            } else if (payload instanceof InventoryCancellation c) {
                withdrawal("CEB624", c.agentCode(), c.copNo(), State.CANCELLED, "撤销成功", schedule);
            } else if (payload instanceof InventoryRefund r) {
                withdrawal("CEB626", r.agentCode(), r.copNo(), State.REFUNDED, "退货成功", schedule);
            } else if (payload instanceof WarehouseInList list) {
                schedule.answer(CebXml.write(CebWarehouseIn.toCeb712(List.of(CustomsReceipt.of("CEB712", guid())
                        .customsCode(list.customsCode()).warehouseCode(list.warehouseCode())
                        .documents(list.copNo(), list.preNo(), null).status(120, schedule.next(), "入库明细单入库成功")), zone)));
            } else {
                LOG.debug("the customs simulator has no answer to {}", payload.getClass().getSimpleName());
            }
        }
        answers.send(schedule.answers);
    }

    private static State kept(DocumentAction action) {
        return action == DocumentAction.CANCEL ? State.CANCELLED : State.RECEIVED;
    }

    /** Reviewed now; its answers a step apart: 2, 120, maybe 500, then 800 with its tax bill. */
    private void declaration(InventoryDeclaration d, DocumentAction action, boolean signatureValid, Schedule schedule) {
        String key = d.agentCode() + ":" + d.copNo();
        Optional<State> before = records.state("CEB621", key);
        TaxRates rates = taxTables.on(d.declTime());
        int year = d.declTime().getYear();
        String buyerKey = keyedHash.apply(d.buyer().idType() + ":" + d.buyer().idNumber().strip().toUpperCase(Locale.ROOT));
        CustomsRecords.Declared declared = new CustomsRecords.Declared(buyerKey, DeclarationReview.dutiable(d), year);
        if (action == DocumentAction.CANCEL) {
            withdrawal("CEB622", d.agentCode(), d.copNo(), State.CANCELLED, "清单已删除", schedule);
            return;
        }
        boolean duplicate = action == DocumentAction.NEW
                && before.filter(s -> s != State.REJECTED && s != State.CANCELLED).isPresent();
        DeclarationReview.Verdict verdict = DeclarationReview.review(new DeclarationReview.Evidence(d, duplicate,
                signatureValid, records.find("CEB311", d.ebpCode() + ":" + d.orderNo(), Order.class),
                records.ofOrder("CEB411", d.orderNo(), Payment.class).stream()
                        .filter(p -> d.ebpCode().equals(p.ebpCode())).findFirst(),
                records.find("CEB511", d.logisticsCode() + ":" + d.logisticsNo(), Waybill.class),
                records.used(buyerKey, year, key), rates.singleLimit(), rates.annualLimit()));
        // customs numbers every declaration it takes in (preNo), rejected or not; an accepted one gets its invtNo
        String preNo = preNo(d.copNo(), d.declTime());
        if (duplicate || before.filter(s -> s == State.RELEASED || s == State.REFUNDED).isPresent()
                && action == DocumentAction.MODIFY) {
            // a declaration customs already holds keeps its record; only the refusal goes back
            schedule.answer(inventoryReturn(d, preNo, null, duplicate ? verdict.status() : DeclarationReview.REJECTED,
                    duplicate ? verdict.reason() : "清单已放行，不能变更", schedule.next()));
            return;
        }
        if (!verdict.passed()) {
            records.keep("CEB621", key, d.orderNo(), d, State.REJECTED, declared);
            schedule.answer(inventoryReturn(d, preNo, null, verdict.status(), verdict.reason(), schedule.next()));
            return;
        }
        records.keep("CEB621", key, d.orderNo(), d, State.RELEASED, declared);
        String invtNo = String.format("%s%d1%09d", d.customsCode(), year, number(d.copNo()));
        schedule.answer(inventoryReturn(d, preNo, null, 2, verdict.reason(), schedule.next()));
        schedule.answer(inventoryReturn(d, preNo, invtNo, 120, "海关入库成功", schedule.next()));
        if (inspects(d.copNo(), behaviour.inspectionPercent())) {
            schedule.answer(inventoryReturn(d, preNo, invtNo, 500, "查验", schedule.next()));
        }
        OffsetDateTime released = schedule.next();
        schedule.answer(inventoryReturn(d, preNo, invtNo, 800, "放行", released));
        schedule.answer(CebXml.write(CebTaxes.toCeb816(List.of(taxBill(d, invtNo, released, rates)), zone)));
    }

    /** The same copNo gets the same numbers, so a repeated answer names the same declaration. */
    private static long number(String copNo) {
        return Math.floorMod(copNo.hashCode(), 1_000_000_000L);
    }

    private static String preNo(String copNo, LocalDate declared) {
        return String.format("E%s%09d", declared.format(DAY), number(copNo));
    }

    private String inventoryReturn(InventoryDeclaration d, String preNo, String invtNo, int status, String reason,
            OffsetDateTime at) {
        return CebXml.write(CebInventories.toCeb622(List.of(CustomsReceipt.of("CEB622", guid())
                .customsCode(d.customsCode()).order(d.ebpCode(), d.ebcCode(), d.orderNo()).agentCode(d.agentCode())
                .documents(d.copNo(), preNo, invtNo).status(status, at, reason)), zone));
    }

    /** A cancellation or return: taken when customs holds the declaration in a state that allows it. */
    private void withdrawal(String answerCode, String agentCode, String copNo, State after, String done,
            Schedule schedule) {
        String key = agentCode + ":" + copNo;
        Optional<InventoryDeclaration> declaration = copNo == null ? Optional.empty()
                : records.find("CEB621", key, InventoryDeclaration.class);
        Optional<State> state = copNo == null ? Optional.empty() : records.state("CEB621", key);
        boolean allowed = state.filter(s -> after == State.REFUNDED ? s == State.RELEASED
                : s == State.RELEASED || s == State.ACCEPTED).isPresent();
        if (allowed) {
            records.move(key, after);
        }
        CustomsReceipt.Builder receipt = CustomsReceipt.of(answerCode, guid()).agentCode(agentCode)
                .documents(copNo, preNo(String.valueOf(copNo), declaration.map(InventoryDeclaration::declTime)
                        .orElse(schedule.last.toLocalDate())), null);
        declaration.ifPresent(d -> receipt.customsCode(d.customsCode()).order(d.ebpCode(), d.ebcCode(), d.orderNo()));
        CustomsReceipt answer = receipt.status(allowed ? 800 : DeclarationReview.REJECTED, schedule.next(),
                allowed ? done : state.isEmpty() ? "未找到清单" + copNo : "清单状态不允许：" + state.get());
        schedule.answer(CebXml.write(switch (answerCode) {
            case "CEB624" -> CebWithdrawals.toCeb624(List.of(answer), zone);
            case "CEB626" -> CebWithdrawals.toCeb626(List.of(answer), zone);
            default -> CebInventories.toCeb622(List.of(answer), zone);
        }));
    }

    /**
     * Customs' tax on the declaration, item by item: the dutiable price (the line with its share of freight and
     * insurance by value), consumption tax P·c/(1−c) and VAT (P + CT)·v, each times the share levied, to the cent.
     */
    TaxBill taxBill(InventoryDeclaration d, String invtNo, OffsetDateTime at, TaxRates rates) {
        BigDecimal goods = d.lines().stream().map(InventoryLine::totalPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal extra = d.freight().add(d.insuredFee());
        List<TaxLine> lines = new ArrayList<>();
        BigDecimal vat = BigDecimal.ZERO;
        BigDecimal consumption = BigDecimal.ZERO;
        for (InventoryLine line : d.lines()) {
            BigDecimal price = line.totalPrice().add(goods.signum() == 0 ? BigDecimal.ZERO
                    : extra.multiply(line.totalPrice()).divide(goods, EXACT));
            BigDecimal c = rates.consumptionRate(line.gcode());
            BigDecimal consumptionBase = price.multiply(c).divide(BigDecimal.ONE.subtract(c), EXACT);
            BigDecimal lineConsumption = consumptionBase.multiply(rates.share()).setScale(2, RoundingMode.HALF_UP);
            BigDecimal lineVat = price.add(consumptionBase).multiply(rates.vat()).multiply(rates.share())
                    .setScale(2, RoundingMode.HALF_UP);
            lines.add(new TaxLine(line.gnum(), line.gcode(), price.setScale(2, RoundingMode.HALF_UP),
                    BigDecimal.ZERO.setScale(2), lineVat, lineConsumption));
            vat = vat.add(lineVat);
            consumption = consumption.add(lineConsumption);
        }
        return new TaxBill(guid(), at, invtNo, "T" + invtNo, d.orderNo(), d.customsCode(), d.ebcCode(),
                d.logisticsCode(), d.agentCode(), d.assureCode(), null, BigDecimal.ZERO.setScale(2), vat, consumption,
                "1", null, lines);
    }

    /** Customs' guids: upper case. */
    static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /**
     * The answers to one message, each a step after the one before, a millisecond apart at least: customs' own time
     * orders them even when the step is nothing.
     */
    private final class Schedule {

        private final List<CustomsAnswers.Answer> answers = new ArrayList<>();
        private OffsetDateTime last;

        Schedule(OffsetDateTime now) {
            this.last = now;
        }

        OffsetDateTime next() {
            last = last.plus(behaviour.step()).plusNanos(1_000_000);
            return last;
        }

        void answer(String xml) {
            answers.add(new CustomsAnswers.Answer(xml, last));
        }
    }
}
