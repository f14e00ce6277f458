package io.smartbuilding.analytics.aws;

import io.smartbuilding.contracts.tables.TableProvisioner.TableNames;

/**
 * The tables the job writes.
 *
 * @param createTables create missing tables before the job starts: local stacks only, in AWS the
 *     infrastructure code owns the tables
 */
public record DynamoDbSettings(AwsEndpoint aws, TableNames tables, boolean createTables) {}
