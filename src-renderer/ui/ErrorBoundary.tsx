import { Component, type ReactNode } from 'react';

/** Last line of defence: a render error shows a message and a way back, not a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(err: unknown): { message: string } {
    return { message: err instanceof Error ? err.message : String(err) };
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    return (
      <main className="picker" role="alert">
        <h1>Something went wrong</h1>
        <p>{this.state.message}</p>
        <button type="button" onClick={() => this.setState({ message: null })}>
          Try again
        </button>
      </main>
    );
  }
}
