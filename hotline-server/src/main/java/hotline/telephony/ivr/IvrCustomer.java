package hotline.telephony.ivr;

import hotline.customer.Tier;

/** A customer as the IVR and the screen pop need it; {@code address} and {@code district} may be empty. */
public record IvrCustomer(long id, String accountNumber, String name, String address, String district, Tier tier,
                          boolean criticalFacility) {
}
