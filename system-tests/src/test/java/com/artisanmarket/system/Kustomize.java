package com.artisanmarket.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.fabric8.zjsonpatch.JsonPatch;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a Kustomize directory as {@code kubectl kustomize} does, for the part of
 * Kustomize the manifests under {@code deploy/kubernetes} use: {@code resources} (files,
 * and directories with their own kustomization), {@code namespace}, {@code labels} (on
 * the objects' own metadata), {@code images} and inline JSON 6902 {@code patches} aimed
 * by kind and name. Any other field of a kustomization is refused, so manifests that
 * start using more of Kustomize cannot pass unchecked. No kubectl runs where the suite
 * runs; where one did (Kustomize 5.5), it rendered both overlays to the same objects.
 */
final class Kustomize {

	private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "labels", "resources", "images",
			"patches");

	private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

	private static final ObjectMapper JSON = new ObjectMapper();

	private Kustomize() {
	}

	/** The objects a kustomization directory renders to, in the order Kustomize gives. */
	static List<Map<String, Object>> render(Path directory) {
		Map<String, Object> kustomization = only(documents(directory.resolve("kustomization.yaml")));
		Set<String> unknown = new HashSet<>(kustomization.keySet());
		unknown.removeAll(FIELDS);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException(
					directory + " uses Kustomize fields this check does not know: " + unknown);
		}
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object resource : list(kustomization.get("resources"))) {
			Path path = directory.resolve((String) resource).normalize();
			objects.addAll(Files.isDirectory(path) ? render(path) : documents(path));
		}
		for (Object patch : list(kustomization.get("patches"))) {
			patch(objects, map(patch));
		}
		if (kustomization.get("namespace") instanceof String namespace) {
			objects.stream()
				.filter((object) -> !CLUSTER_SCOPED.contains(object.get("kind")))
				.forEach((object) -> metadata(object).put("namespace", namespace));
		}
		for (Object image : list(kustomization.get("images"))) {
			retag(objects, map(image));
		}
		for (Object labels : list(kustomization.get("labels"))) {
			Map<String, Object> entry = map(labels);
			if (!Set.of("pairs").containsAll(entry.keySet())) {
				throw new IllegalArgumentException("labels other than plain pairs: " + entry.keySet());
			}
			for (Map<String, Object> object : objects) {
				Map<String, Object> metadata = metadata(object);
				Map<String, Object> merged = new LinkedHashMap<>(map(metadata.getOrDefault("labels", Map.of())));
				merged.putAll(map(entry.get("pairs")));
				metadata.put("labels", merged);
			}
		}
		return objects;
	}

	/** Every YAML document in a file, comments and empty documents left out. */
	static List<Map<String, Object>> documents(Path file) {
		try {
			List<Map<String, Object>> documents = new ArrayList<>();
			for (Object document : new Yaml().loadAll(Files.readString(file))) {
				if (document != null) {
					documents.add(map(document));
				}
			}
			return documents;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void patch(List<Map<String, Object>> objects, Map<String, Object> patch) {
		if (!Set.of("target", "patch").equals(patch.keySet())) {
			throw new IllegalArgumentException("only inline patches with a target: " + patch.keySet());
		}
		Map<String, Object> target = map(patch.get("target"));
		if (!Set.of("kind", "name").containsAll(target.keySet())) {
			throw new IllegalArgumentException("a patch aimed by more than kind and name: " + target.keySet());
		}
		JsonNode operations = JSON.valueToTree(new Yaml().load((String) patch.get("patch")));
		int matched = 0;
		for (int i = 0; i < objects.size(); i++) {
			Map<String, Object> object = objects.get(i);
			if (Objects.equals(target.get("kind"), object.get("kind"))
					&& (target.get("name") == null || target.get("name").equals(metadata(object).get("name")))) {
				JsonNode patched = JsonPatch.apply(operations, JSON.valueToTree(object));
				objects.set(i, map(JSON.convertValue(patched, Map.class)));
				matched++;
			}
		}
		if (matched == 0) {
			throw new IllegalArgumentException("a patch that matches nothing: " + target);
		}
	}

	private static void retag(List<Map<String, Object>> objects, Map<String, Object> image) {
		String name = (String) image.get("name");
		for (Map<String, Object> object : objects) {
			if (!"Deployment".equals(object.get("kind"))) {
				continue;
			}
			Map<String, Object> pod = map(map(map(object.get("spec")).get("template")).get("spec"));
			for (Object element : list(pod.get("containers"))) {
				Map<String, Object> container = map(element);
				String current = (String) container.get("image");
				String currentName = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
				if (currentName.equals(name)) {
					String newName = (String) image.getOrDefault("newName", currentName);
					Object tag = image.get("newTag");
					container.put("image", (tag != null) ? newName + ":" + tag : newName);
				}
			}
		}
	}

	static Map<String, Object> metadata(Map<String, Object> object) {
		return map(object.get("metadata"));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		if (!(value instanceof Map<?, ?>)) {
			throw new IllegalArgumentException("not a mapping: " + value);
		}
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?>)) {
			throw new IllegalArgumentException("not a list: " + value);
		}
		return (List<Object>) value;
	}

	private static Map<String, Object> only(List<Map<String, Object>> documents) {
		if (documents.size() != 1) {
			throw new IllegalArgumentException("a kustomization is one document, not " + documents.size());
		}
		return documents.get(0);
	}

}
