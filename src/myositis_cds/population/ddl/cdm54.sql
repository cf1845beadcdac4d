-- OMOP CDM 5.4 tables written by synth-omop (myositis-cds), typed for DuckDB and PostgreSQL.
-- Written by the project from the OHDSI CDM 5.4 specification (table and field names, order,
-- required = NOT NULL); the subset of tables a screening population needs: clinical data,
-- health-system data used to date records, and the vocabulary tables concept sets resolve
-- against. Keys and indexes are left to the loader.

CREATE TABLE person (
    person_id                   BIGINT       NOT NULL,
    gender_concept_id           INTEGER      NOT NULL,
    year_of_birth               INTEGER      NOT NULL,
    month_of_birth              INTEGER,
    day_of_birth                INTEGER,
    birth_datetime              TIMESTAMP,
    race_concept_id             INTEGER      NOT NULL,
    ethnicity_concept_id        INTEGER      NOT NULL,
    location_id                 INTEGER,
    provider_id                 INTEGER,
    care_site_id                INTEGER,
    person_source_value         VARCHAR(50),
    gender_source_value         VARCHAR(50),
    gender_source_concept_id    INTEGER,
    race_source_value           VARCHAR(50),
    race_source_concept_id      INTEGER,
    ethnicity_source_value      VARCHAR(50),
    ethnicity_source_concept_id INTEGER
);

CREATE TABLE observation_period (
    observation_period_id         BIGINT  NOT NULL,
    person_id                     BIGINT  NOT NULL,
    observation_period_start_date DATE    NOT NULL,
    observation_period_end_date   DATE    NOT NULL,
    period_type_concept_id        INTEGER NOT NULL
);

CREATE TABLE visit_occurrence (
    visit_occurrence_id           BIGINT  NOT NULL,
    person_id                     BIGINT  NOT NULL,
    visit_concept_id              INTEGER NOT NULL,
    visit_start_date              DATE    NOT NULL,
    visit_start_datetime          TIMESTAMP,
    visit_end_date                DATE    NOT NULL,
    visit_end_datetime            TIMESTAMP,
    visit_type_concept_id         INTEGER NOT NULL,
    provider_id                   INTEGER,
    care_site_id                  INTEGER,
    visit_source_value            VARCHAR(50),
    visit_source_concept_id       INTEGER,
    admitted_from_concept_id      INTEGER,
    admitted_from_source_value    VARCHAR(50),
    discharged_to_concept_id      INTEGER,
    discharged_to_source_value    VARCHAR(50),
    preceding_visit_occurrence_id BIGINT
);

CREATE TABLE condition_occurrence (
    condition_occurrence_id       BIGINT  NOT NULL,
    person_id                     BIGINT  NOT NULL,
    condition_concept_id          INTEGER NOT NULL,
    condition_start_date          DATE    NOT NULL,
    condition_start_datetime      TIMESTAMP,
    condition_end_date            DATE,
    condition_end_datetime        TIMESTAMP,
    condition_type_concept_id     INTEGER NOT NULL,
    condition_status_concept_id   INTEGER,
    stop_reason                   VARCHAR(20),
    provider_id                   INTEGER,
    visit_occurrence_id           BIGINT,
    visit_detail_id               BIGINT,
    condition_source_value        VARCHAR(50),
    condition_source_concept_id   INTEGER,
    condition_status_source_value VARCHAR(50)
);

CREATE TABLE drug_exposure (
    drug_exposure_id             BIGINT  NOT NULL,
    person_id                    BIGINT  NOT NULL,
    drug_concept_id              INTEGER NOT NULL,
    drug_exposure_start_date     DATE    NOT NULL,
    drug_exposure_start_datetime TIMESTAMP,
    drug_exposure_end_date       DATE    NOT NULL,
    drug_exposure_end_datetime   TIMESTAMP,
    verbatim_end_date            DATE,
    drug_type_concept_id         INTEGER NOT NULL,
    stop_reason                  VARCHAR(20),
    refills                      INTEGER,
    quantity                     DOUBLE PRECISION,
    days_supply                  INTEGER,
    sig                          TEXT,
    route_concept_id             INTEGER,
    lot_number                   VARCHAR(50),
    provider_id                  INTEGER,
    visit_occurrence_id          BIGINT,
    visit_detail_id              BIGINT,
    drug_source_value            VARCHAR(50),
    drug_source_concept_id       INTEGER,
    route_source_value           VARCHAR(50),
    dose_unit_source_value       VARCHAR(50)
);

CREATE TABLE procedure_occurrence (
    procedure_occurrence_id     BIGINT  NOT NULL,
    person_id                   BIGINT  NOT NULL,
    procedure_concept_id        INTEGER NOT NULL,
    procedure_date              DATE    NOT NULL,
    procedure_datetime          TIMESTAMP,
    procedure_end_date          DATE,
    procedure_end_datetime      TIMESTAMP,
    procedure_type_concept_id   INTEGER NOT NULL,
    modifier_concept_id         INTEGER,
    quantity                    INTEGER,
    provider_id                 INTEGER,
    visit_occurrence_id         BIGINT,
    visit_detail_id             BIGINT,
    procedure_source_value      VARCHAR(50),
    procedure_source_concept_id INTEGER,
    modifier_source_value       VARCHAR(50)
);

CREATE TABLE measurement (
    measurement_id                BIGINT  NOT NULL,
    person_id                     BIGINT  NOT NULL,
    measurement_concept_id        INTEGER NOT NULL,
    measurement_date              DATE    NOT NULL,
    measurement_datetime          TIMESTAMP,
    measurement_time              VARCHAR(10),
    measurement_type_concept_id   INTEGER NOT NULL,
    operator_concept_id           INTEGER,
    value_as_number               DOUBLE PRECISION,
    value_as_concept_id           INTEGER,
    unit_concept_id               INTEGER,
    range_low                     DOUBLE PRECISION,
    range_high                    DOUBLE PRECISION,
    provider_id                   INTEGER,
    visit_occurrence_id           BIGINT,
    visit_detail_id               BIGINT,
    measurement_source_value      VARCHAR(50),
    measurement_source_concept_id INTEGER,
    unit_source_value             VARCHAR(50),
    unit_source_concept_id        INTEGER,
    value_source_value            VARCHAR(50),
    measurement_event_id          BIGINT,
    meas_event_field_concept_id   INTEGER
);

CREATE TABLE observation (
    observation_id                BIGINT  NOT NULL,
    person_id                     BIGINT  NOT NULL,
    observation_concept_id        INTEGER NOT NULL,
    observation_date              DATE    NOT NULL,
    observation_datetime          TIMESTAMP,
    observation_type_concept_id   INTEGER NOT NULL,
    value_as_number               DOUBLE PRECISION,
    value_as_string               VARCHAR(60),
    value_as_concept_id           INTEGER,
    qualifier_concept_id          INTEGER,
    unit_concept_id               INTEGER,
    provider_id                   INTEGER,
    visit_occurrence_id           BIGINT,
    visit_detail_id               BIGINT,
    observation_source_value      VARCHAR(50),
    observation_source_concept_id INTEGER,
    unit_source_value             VARCHAR(50),
    qualifier_source_value        VARCHAR(50),
    value_source_value            VARCHAR(50),
    observation_event_id          BIGINT,
    obs_event_field_concept_id    INTEGER
);

CREATE TABLE death (
    person_id               BIGINT NOT NULL,
    death_date              DATE   NOT NULL,
    death_datetime          TIMESTAMP,
    death_type_concept_id   INTEGER,
    cause_concept_id        INTEGER,
    cause_source_value      VARCHAR(50),
    cause_source_concept_id INTEGER
);

CREATE TABLE cdm_source (
    cdm_source_name                VARCHAR(255) NOT NULL,
    cdm_source_abbreviation        VARCHAR(25)  NOT NULL,
    cdm_holder                     VARCHAR(255) NOT NULL,
    source_description             TEXT,
    source_documentation_reference VARCHAR(255),
    cdm_etl_reference              VARCHAR(255),
    source_release_date            DATE         NOT NULL,
    cdm_release_date               DATE         NOT NULL,
    cdm_version                    VARCHAR(10),
    cdm_version_concept_id         INTEGER      NOT NULL,
    vocabulary_version             VARCHAR(20)  NOT NULL
);

CREATE TABLE concept (
    concept_id       INTEGER      NOT NULL,
    concept_name     VARCHAR(255) NOT NULL,
    domain_id        VARCHAR(20)  NOT NULL,
    vocabulary_id    VARCHAR(20)  NOT NULL,
    concept_class_id VARCHAR(20)  NOT NULL,
    standard_concept VARCHAR(1),
    concept_code     VARCHAR(50)  NOT NULL,
    valid_start_date DATE         NOT NULL,
    valid_end_date   DATE         NOT NULL,
    invalid_reason   VARCHAR(1)
);

CREATE TABLE concept_ancestor (
    ancestor_concept_id      INTEGER NOT NULL,
    descendant_concept_id    INTEGER NOT NULL,
    min_levels_of_separation INTEGER NOT NULL,
    max_levels_of_separation INTEGER NOT NULL
);
