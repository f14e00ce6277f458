package io.smartbuilding.analytics.alert;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;

/** One key's map state in a plain map, for unit tests of code that is handed a state handle. */
public final class InMemoryMapState<K, V> implements MapState<K, V> {

  public final Map<K, V> map = new HashMap<>();
  public int reads;
  public int writes;

  @Override
  public V get(K key) {
    reads++;
    return map.get(key);
  }

  @Override
  public void put(K key, V value) {
    writes++;
    map.put(key, value);
  }

  @Override
  public void putAll(Map<K, V> map) {
    writes++;
    this.map.putAll(map);
  }

  @Override
  public void remove(K key) {
    writes++;
    map.remove(key);
  }

  @Override
  public boolean contains(K key) {
    reads++;
    return map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<K, V>> entries() {
    return map.entrySet();
  }

  @Override
  public Iterable<K> keys() {
    return map.keySet();
  }

  @Override
  public Iterable<V> values() {
    return map.values();
  }

  @Override
  public Iterator<Map.Entry<K, V>> iterator() {
    return map.entrySet().iterator();
  }

  @Override
  public boolean isEmpty() {
    return map.isEmpty();
  }

  @Override
  public void clear() {
    map.clear();
  }
}
