package hotline.incident;

import hotline.common.InvalidInputException;

/** A point in WGS-84 degrees. */
public record Coordinates(double latitude, double longitude) {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public Coordinates {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new InvalidInputException("latitude", "latitude must be between -90 and 90");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new InvalidInputException("longitude", "longitude must be between -180 and 180");
        }
    }

    /** Great-circle (haversine) distance in metres. */
    public double distanceMetres(Coordinates other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
