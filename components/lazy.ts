import { type ComponentType, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is loaded only once the page that shows it has painted (Preact runs
 * effects after the frame): what the reader does not need for its first frame (highlights,
 * saving) stays out of the popup's startup bundle. Renders nothing until the code is there;
 * later mounts render at once.
 */
export function loadAfterPaint<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function LoadedAfterPaint(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let live = true;
      loading ??= load().then((component) => {
        loaded = component;
        return component;
      });
      loading.then(
        (component) => live && setComponent(() => component),
        () => {
          // The chunk failed to load (extension updated under an open popup): nothing to show.
        },
      );
      return () => {
        live = false;
      };
    }, [Component]);
    return Component ? h(Component, props) : null;
  };
}
