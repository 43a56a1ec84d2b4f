-- A unit's default travel area (km from home, straight line), used for people who stated no
-- limit of their own; NULL falls back to the programme's IPSMATCH_TRAVEL_AREA_KM.
ALTER TABLE app_units ADD COLUMN travel_area_km DOUBLE;
