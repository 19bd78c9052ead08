package dev.newsflow.producers.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads files, folders (recursively, in name order, skipping hidden files and READMEs) and standard input into
 * {@link SourceDocument}s. An input that cannot be read becomes a {@link Rejection}, and the others still count.
 */
public final class DocumentReader {

    private final long maxDocumentBytes;

    /** @param maxDocumentBytes inputs larger than this are refused without being read whole */
    public DocumentReader(long maxDocumentBytes) {
        this.maxDocumentBytes = maxDocumentBytes;
    }

    /** The article files under {@code path}: itself when a file, its article files (recursively) when a folder. */
    public List<Path> files(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        return walk(path, true);
    }

    /** The visible files of folder {@code path} (recursively) that are not article files, such as images. */
    public List<Path> otherFiles(Path path) throws IOException {
        return Files.isDirectory(path) ? walk(path, false) : List.of();
    }

    private static List<Path> walk(Path folder, boolean articleFiles) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hiddenBelow(folder, p) && !Format.isReadme(p.getFileName().toString()))
                    .filter(p -> Format.isArticleFile(p.getFileName().toString()) == articleFiles)
                    .sorted()
                    .toList();
        }
    }

    private static boolean hiddenBelow(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Reads one file, or reports why it cannot. */
    public void read(Path file, Consumer<SourceDocument> documents, Consumer<Rejection> rejections) {
        String origin = file.toString();
        try {
            if (!Files.exists(file)) {
                rejections.accept(new Rejection(origin, null, "no such file or folder"));
                return;
            }
            long size = Files.size(file);
            if (size > maxDocumentBytes) {
                rejections.accept(new Rejection(origin, null, "file of " + size + " bytes is over the limit of " + maxDocumentBytes + " bytes"));
                return;
            }
            documents.accept(new SourceDocument(origin, file.getFileName().toString(), Files.readAllBytes(file)));
        } catch (IOException e) {
            rejections.accept(new Rejection(origin, null, "cannot read: " + e.getMessage()));
        }
    }

    /** Reads all of standard input (or another stream) as one document. */
    public void read(String origin, InputStream in, Consumer<SourceDocument> documents, Consumer<Rejection> rejections) {
        try {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxDocumentBytes + 1));
            if (content.length > maxDocumentBytes) {
                rejections.accept(new Rejection(origin, null, "input over the limit of " + maxDocumentBytes + " bytes"));
                return;
            }
            documents.accept(new SourceDocument(origin, "", content));
        } catch (IOException e) {
            rejections.accept(new Rejection(origin, null, "cannot read: " + e.getMessage()));
        }
    }

    /**
     * Expands the arguments of a command into the files they name, keeping {@code -} and URLs as they are. Other files
     * in a folder are rejected by name, so that nothing given is passed over in silence.
     */
    public List<String> expand(List<String> inputs, Consumer<Rejection> rejections) {
        List<String> expanded = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-") || input.startsWith("http://") || input.startsWith("https://")) {
                expanded.add(input);
                continue;
            }
            try {
                files(Path.of(input)).forEach(p -> expanded.add(p.toString()));
                otherFiles(Path.of(input)).forEach(p -> rejections.accept(new Rejection(p.toString(), null,
                        "not an article file (" + Format.ARTICLE_EXTENSIONS + ")")));
            } catch (IOException e) {
                rejections.accept(new Rejection(input, null, "cannot list: " + e.getMessage()));
            }
        }
        return expanded;
    }
}
