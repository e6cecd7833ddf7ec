package org.parkhub.validate;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Validates any canonical payload: schema-level constraints and text first, then the business rules of its type. */
public final class MessageValidator {

    private final SchemaCheck schema = new SchemaCheck();
    private final TextCheck text = new TextCheck();
    private final Map<Class<?>, BusinessRules<?>> rules;

    public MessageValidator(Clock clock) {
        rules = List.of(
                        new ProductFilingRules(clock),
                        new StockMovementRules(clock),
                        new OrderRules(),
                        new PaymentRules(clock),
                        new WaybillRules(),
                        new ShipmentEventRules(clock),
                        new InventoryDeclarationRules(),
                        new InventoryCancellationRules(),
                        new InventoryRefundRules(),
                        new WarehouseInListRules(),
                        new CustomsReceiptRules(),
                        new TaxBillRules())
                .stream().collect(Collectors.toUnmodifiableMap(BusinessRules::type, Function.identity()));
    }

    public Findings validate(Record payload) {
        Findings findings = new Findings();
        schema.check(payload, findings);
        text.check(payload, findings);
        if (!findings.hasErrors()) {
            apply(rules.get(payload.getClass()), payload, findings);
        }
        return findings;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Record> void apply(BusinessRules<T> typeRules, Record payload, Findings findings) {
        if (typeRules == null) {
            throw new IllegalArgumentException("no rules for " + payload.getClass().getName());
        }
        typeRules.check((T) payload, findings);
    }
}
