import { useRef, useState } from 'preact/hooks';

export interface TaskProgress {
  done: number;
  total: number;
}

/** Runs one long task at a time with progress and a cancel that aborts its signal. */
export function useTask() {
  const controller = useRef<AbortController | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<TaskProgress | null>(null);

  async function run<T>(task: (signal: AbortSignal, onProgress: (p: TaskProgress) => void) => Promise<T>): Promise<T> {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setRunning(true);
    setProgress(null);
    try {
      return await task(current.signal, setProgress);
    } finally {
      if (controller.current === current) {
        controller.current = null;
        setRunning(false);
        setProgress(null);
      }
    }
  }

  return { run, running, progress, cancel: () => controller.current?.abort() };
}
