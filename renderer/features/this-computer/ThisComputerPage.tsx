export function ThisComputerPage() {
  return <p>This computer</p>;
}
