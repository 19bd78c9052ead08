/** The Kafka Streams application: one package per stage (clean, enrich, count, query) and the topology builder. */
package dev.newsflow.streams;
