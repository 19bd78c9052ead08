/** Article sources (one class per input format), the publisher, and the HTTP ingest endpoint. */
package dev.newsflow.producers;
